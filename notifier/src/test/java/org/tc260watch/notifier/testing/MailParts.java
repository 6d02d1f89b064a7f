package org.tc260watch.notifier.testing;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** The text and HTML bodies of a received mail, and its headers, for assertions. */
public final class MailParts {

    private MailParts() {
    }

    /** The text/plain body, line ends as {@code \n}. */
    public static String text(MimeMessage message) {
        return body(message, "text/plain");
    }

    /** The text/html body, line ends as {@code \n}. */
    public static String html(MimeMessage message) {
        return body(message, "text/html");
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first value of a header, or null. */
    public static String header(MimeMessage message, String name) {
        try {
            return message.getHeader(name, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(MimeMessage message, String type) {
        try {
            String found = find(message, type);
            if (found == null) {
                throw new AssertionError("no " + type + " part in mail '" + message.getSubject() + "'");
            }
            return found.replace("\r\n", "\n");
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Part part, String type) throws Exception {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
