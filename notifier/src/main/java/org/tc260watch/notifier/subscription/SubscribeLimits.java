package org.tc260watch.notifier.subscription;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.web.RateLimiter;
import org.tc260watch.notifier.web.TooManyRequestsException;

/**
 * The limits of {@code notifier.subscribe.*} on subscribe requests: per client IP, then per address. In memory, so
 * per instance; several instances behind one balancer each allow the configured number.
 */
@ApplicationScoped
public class SubscribeLimits {

    private final RateLimiter perIp;
    private final RateLimiter perAddress;

    public SubscribeLimits(NotifierConfig config, Clock clock) {
        NotifierConfig.Subscribe limits = config.subscribe();
        this.perIp = new RateLimiter(limits.perIpLimit(), limits.limitWindow(), clock);
        this.perAddress = new RateLimiter(limits.perAddressLimit(), limits.limitWindow(), clock);
    }

    /** @throws TooManyRequestsException when the client sent too many subscribe requests */
    public void checkClient(String ip) {
        perIp.acquire(clientKey(ip)).ifPresent(wait -> {
            throw new TooManyRequestsException("too many subscribe requests from your network; try again later", wait);
        });
    }

    /**
     * Counted whether or not the address is known, and answered alike: the limit tells nothing about subscribers.
     *
     * @throws TooManyRequestsException when the address was asked for too often
     */
    public void checkAddress(EmailAddress email) {
        perAddress.acquire(email.value().toLowerCase(Locale.ROOT)).ifPresent(wait -> {
            throw new TooManyRequestsException("too many subscribe requests for this address; try again later", wait);
        });
    }

    @Scheduled(every = "${notifier.subscribe.limit-window}", identity = "subscribe-limits-cleanup")
    void forgetIdle() {
        perIp.forgetIdle();
        perAddress.forgetIdle();
    }

    /**
     * An IPv4 address as it is; an IPv6 address by its /64, the block one subscriber line usually gets (counting
     * each address would let one client use millions).
     */
    static String clientKey(String ip) {
        if (ip == null || !ip.contains(":")) {
            // IPv4, or whatever a proxy header said: taken as it is (never looked up in DNS).
            return String.valueOf(ip);
        }
        try {
            // A literal with ':' is parsed as IPv6 without any lookup.
            InetAddress address = InetAddress.getByName(ip.startsWith("[") ? ip : "[" + ip + "]");
            if (address instanceof Inet6Address) {
                byte[] prefix = address.getAddress();
                Arrays.fill(prefix, 8, 16, (byte) 0);
                return InetAddress.getByAddress(prefix).getHostAddress() + "/64";
            }
            return address.getHostAddress();
        } catch (UnknownHostException e) {
            return ip;
        }
    }
}
