package org.tc260watch.notifier.subscription;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Labels in mails: Chinese, English, or both. Titles stay in their Chinese original whatever the choice. */
public enum MailLanguage {
    ZH,
    EN,
    BOTH;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static MailLanguage fromWireName(String name) {
        return valueOf(name.strip().toUpperCase(Locale.ROOT));
    }
}
