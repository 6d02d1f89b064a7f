package org.tc260watch.scraper.fetch;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.tc260watch.scraper.config.ScraperConfig;

/**
 * Reads pages from the site: one request at a time, paced, with time limits, a body size cap, gzip, the charset
 * from the header or the page's meta tag, and redirects followed only on the same host.
 */
@Singleton
public class PageFetcher {

    private static final Pattern HEADER_CHARSET =
            Pattern.compile("charset\\s*=\\s*\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]+charset\\s*=\\s*[\"']?\\s*([\\w.:-]+)", Pattern.CASE_INSENSITIVE);
    private static final int META_SNIFF_BYTES = 2048;

    private final ScraperConfig.Fetch config;
    private final HttpClient client;
    private final RequestPacer pacer;

    @Inject
    public PageFetcher(ScraperConfig config) {
        this(config.fetch());
    }

    public PageFetcher(ScraperConfig.Fetch config) {
        this.config = config;
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.connectTimeout())
                // Redirects are handled here, so that none leads to another host.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.pacer = new RequestPacer(config.minDelay());
    }

    /** GETs a page; any answer but 2xx HTML-or-not is a {@link FetchException}. */
    public FetchedPage get(URI url) throws FetchException {
        URI current = url;
        long bytes = 0;
        for (int redirects = 0; ; redirects++) {
            URI target = current;
            Answer answer = pacer.paced(target, () -> send(target));
            bytes += answer.wireBytes();
            int status = answer.status();
            if (status >= 300 && status < 400 && status != 304) {
                URI next = redirectTarget(url, target, answer);
                if (redirects >= config.maxRedirects()) {
                    throw new FetchException(url, "more than " + config.maxRedirects() + " redirects", status, null);
                }
                current = next;
                continue;
            }
            if (status < 200 || status >= 300) {
                throw new FetchException(url, "HTTP " + status + " from " + target, status, null);
            }
            String contentType = answer.response().headers().firstValue("Content-Type").orElse("");
            Charset charset = charsetOf(contentType, answer.body());
            String body = new String(answer.body(), charset);
            return new FetchedPage(url, target, status, contentType, charset, body, bytes, Instant.now());
        }
    }

    private URI redirectTarget(URI original, URI from, Answer answer) throws FetchException {
        String location = answer.response().headers().firstValue("Location")
                .orElseThrow(() -> new FetchException(original, "HTTP " + answer.status() + " without Location",
                        answer.status(), null));
        URI next;
        try {
            next = from.resolve(location.trim());
        } catch (IllegalArgumentException e) {
            throw new FetchException(original, "bad redirect Location: " + location, answer.status(), e);
        }
        if (!sameOrigin(from, next)) {
            throw new FetchException(original, "redirect to another host refused: " + next, answer.status(), null);
        }
        return next;
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(Objects.toString(b.getScheme(), ""))
                && a.getHost().equalsIgnoreCase(Objects.toString(b.getHost(), ""))
                && effectivePort(a) == effectivePort(b);
    }

    private static int effectivePort(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private record Answer(HttpResponse<byte[]> response, byte[] body, long wireBytes) {
        int status() {
            return response.statusCode();
        }
    }

    private Answer send(URI url) throws FetchException {
        HttpRequest request = HttpRequest.newBuilder(url)
                .GET()
                .timeout(config.readTimeout())
                .header("User-Agent", config.userAgent())
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")
                .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .header("Accept-Encoding", "gzip")
                .build();
        CompletableFuture<HttpResponse<byte[]>> future =
                client.sendAsync(request, info -> new CappedBody(config.maxBodyBytes()));
        HttpResponse<byte[]> response;
        try {
            // The request timeout covers the headers only; this bounds the whole answer, body included.
            response = future.get(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new FetchException(url,
                    "timed out: no complete answer within " + config.readTimeout().toMillis() + " ms", null, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new FetchException(url, "interrupted", null, e);
        } catch (ExecutionException e) {
            throw new FetchException(url, describe(e.getCause()), null, e.getCause());
        }
        byte[] wire = response.body();
        byte[] body = decode(url, response, wire);
        return new Answer(response, body, wire.length);
    }

    private byte[] decode(URI url, HttpResponse<byte[]> response, byte[] wire) throws FetchException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("identity").trim()
                .toLowerCase(Locale.ROOT);
        if (encoding.isEmpty() || encoding.equals("identity")) {
            return wire;
        }
        if (!encoding.equals("gzip") && !encoding.equals("x-gzip")) {
            throw new FetchException(url, "unsupported Content-Encoding: " + encoding, response.statusCode(), null);
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(wire))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(wire.length * 4);
            byte[] buffer = new byte[8192];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > config.maxBodyBytes()) {
                    throw new FetchException(url, "body larger than " + config.maxBodyBytes() + " bytes once unzipped",
                            response.statusCode(), null);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new FetchException(url, "broken gzip body: " + e.getMessage(), response.statusCode(), e);
        }
    }

    /** The charset of the Content-Type header, else of a meta tag near the top of the page, else UTF-8. */
    static Charset charsetOf(String contentType, byte[] body) {
        Optional<Charset> fromHeader = charsetNamed(HEADER_CHARSET.matcher(contentType));
        if (fromHeader.isPresent()) {
            return fromHeader.get();
        }
        String head = new String(body, 0, Math.min(body.length, META_SNIFF_BYTES), StandardCharsets.ISO_8859_1);
        return charsetNamed(META_CHARSET.matcher(head)).orElse(StandardCharsets.UTF_8);
    }

    private static Optional<Charset> charsetNamed(Matcher matcher) {
        if (!matcher.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(matcher.group(1)));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return Optional.empty();
        }
    }

    private static String describe(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return "connect timed out";
        }
        if (cause instanceof HttpTimeoutException) {
            return "timed out waiting for the answer";
        }
        if (cause instanceof ConnectException) {
            return "connection refused or failed" + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        }
        if (cause instanceof BodyTooLargeException) {
            return cause.getMessage();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    private static final class BodyTooLargeException extends IOException {
        BodyTooLargeException(long max) {
            super("body larger than " + max + " bytes");
        }
    }

    /** Collects a body, giving up (and cancelling the transfer) beyond the size cap. */
    private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final long max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final List<ByteBuffer> buffers = new ArrayList<>();
        private long total;
        private Flow.Subscription subscription;

        CappedBody(long max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                total += item.remaining();
                buffers.add(item);
            }
            if (total > max) {
                buffers.clear();
                subscription.cancel();
                result.completeExceptionally(new BodyTooLargeException(max));
            }
        }

        @Override
        public void onError(Throwable throwable) {
            result.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (result.isDone()) {
                return;
            }
            byte[] bytes = new byte[(int) total];
            int offset = 0;
            for (ByteBuffer buffer : buffers) {
                int n = buffer.remaining();
                buffer.get(bytes, offset, n);
                offset += n;
            }
            result.complete(bytes);
        }
    }
}
