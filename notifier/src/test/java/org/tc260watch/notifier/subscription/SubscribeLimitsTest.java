package org.tc260watch.notifier.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SubscribeLimitsTest {

    @Test
    void ipv4CountsByAddressIpv6ByItsSlash64() {
        assertThat(SubscribeLimits.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(SubscribeLimits.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(SubscribeLimits.clientKey("2001:db8:1:2:bbbb:cccc:dddd:eeee"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(SubscribeLimits.clientKey("2001:db8:1:3::1")).isNotEqualTo(SubscribeLimits.clientKey("2001:db8:1:2::1"));
        assertThat(SubscribeLimits.clientKey("::ffff:198.51.100.1")).isEqualTo("198.51.100.1");
        // Whatever a proxy header says is used as it is, never resolved.
        assertThat(SubscribeLimits.clientKey("unknown")).isEqualTo("unknown");
    }
}
