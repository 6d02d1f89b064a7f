package org.tc260watch.notifier.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import org.tc260watch.deploy.testing.PrometheusText;

/** The running notifier's {@code /q/metrics}, read by {@link PrometheusText}, with the lookups its tests use. */
public final class Metrics {

    /** One sample: {@code name{label="value",...} value}. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private Metrics(List<Sample> samples) {
        this.samples = samples;
    }

    /** Scrapes the metrics now. */
    public static Metrics scrape() {
        return parse(given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    static Metrics parse(String text) {
        return new Metrics(new PrometheusText(text).samples().stream()
                .map(s -> new Sample(s.name(), s.labels(), s.value())).toList());
    }

    /** Samples of one name whose labels include all of {@code labels} (name, value, name, value ...). */
    public List<Sample> all(String name, String... labels) {
        return samples.stream().filter(s -> s.name().equals(name) && has(s, labels)).toList();
    }

    /** Every sample whose name starts with {@code prefix}. */
    public List<Sample> allStartingWith(String prefix) {
        return samples.stream().filter(s -> s.name().startsWith(prefix)).toList();
    }

    /** The sum of the matching samples; 0 when there are none. */
    public double sum(String name, String... labels) {
        return all(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    private static boolean has(Sample sample, String... labels) {
        for (int i = 0; i < labels.length; i += 2) {
            if (!labels[i + 1].equals(sample.labels().get(labels[i]))) {
                return false;
            }
        }
        return true;
    }
}
