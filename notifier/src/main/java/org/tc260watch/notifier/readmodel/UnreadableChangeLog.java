package org.tc260watch.notifier.readmodel;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Logs every record of the change or standards topic that could not be deserialized, with its partition and offset.
 * SmallRye routes such records to the dead-letter topic before they reach {@link ChangeConsumer} or
 * {@link StandardConsumer}, and its own
 * log line does not say which record it was; this is the place that still sees the offset.
 */
public class UnreadableChangeLog implements ConsumerInterceptor<Object, Object> {

    private static final Logger LOG = Logger.getLogger(UnreadableChangeLog.class);
    private static final String FAILURE_REASON = "deserialization-failure-reason";
    private static final int SHOWN_BYTES = 200;

    @Override
    public ConsumerRecords<Object, Object> onConsume(ConsumerRecords<Object, Object> records) {
        for (ConsumerRecord<Object, Object> record : records) {
            Header reason = record.headers().lastHeader(FAILURE_REASON);
            if (reason != null) {
                LOG.warnf("Skipping unreadable record %s-%d offset %d (key %s): %s; value starts %s. "
                                + "It goes to the dead-letter topic.",
                        record.topic(), record.partition(), record.offset(), record.key(),
                        new String(reason.value(), StandardCharsets.UTF_8), excerpt(record));
            }
        }
        return records;
    }

    private static String excerpt(ConsumerRecord<Object, Object> record) {
        Header data = record.headers().lastHeader("deserialization-failure-data");
        if (data == null || data.value() == null) {
            return "(empty)";
        }
        String text = new String(data.value(), StandardCharsets.UTF_8);
        return '"' + (text.length() > SHOWN_BYTES ? text.substring(0, SHOWN_BYTES) + "…" : text) + '"';
    }

    @Override
    public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {
    }

    @Override
    public void close() {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
