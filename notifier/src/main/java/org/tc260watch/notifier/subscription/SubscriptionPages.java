package org.tc260watch.notifier.subscription;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.tc260watch.events.ChangeType;
import org.tc260watch.events.ItemKind;
import org.tc260watch.events.Stage;
import org.tc260watch.notifier.config.NotifierConfig;
import org.tc260watch.notifier.web.InvalidRequestException;
import org.tc260watch.notifier.web.Pages;
import org.tc260watch.notifier.web.Pages.Message;

/**
 * The pages the links in mails open, rendered on the server (Qute, every value escaped). Nothing changes on a GET
 * but the confirmation itself: mail scanners follow links, so unsubscribing and deleting take a POST.
 */
@Path("/subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    /** RFC 8058: the body of a one-click unsubscribe POST is exactly this form field. */
    static final String ONE_CLICK_FIELD = "List-Unsubscribe";
    static final String ONE_CLICK_VALUE = "One-Click";

    /** One checkbox or radio button. */
    public record Choice(String value, String label, boolean chosen) {
    }

    /**
     * The boxes of one form field.
     *
     * @param type {@code checkbox} (any number) or {@code radio} (one)
     */
    public record ChoiceGroup(String legend, String field, String type, List<Choice> choices) {
    }

    /** The settings form; the text lists are one entry a line. */
    public record ManagePage(String email, String status, String token, String keywords, String topics,
            String idPrefixes, List<ChoiceGroup> groups, boolean saved, String error) {
    }

    public record UnsubscribePage(String email, String token) {
    }

    @CheckedTemplate(basePath = "subscriptions")
    static class Templates {
        static native TemplateInstance manage(ManagePage page);

        static native TemplateInstance unsubscribe(UnsubscribePage page);
    }

    private final SubscriptionService subscriptions;
    private final LinkTokens linkTokens;
    private final SubscriptionLinks links;
    private final NotifierConfig config;

    public SubscriptionPages(SubscriptionService subscriptions, LinkTokens linkTokens, SubscriptionLinks links,
            NotifierConfig config) {
        this.subscriptions = subscriptions;
        this.linkTokens = linkTokens;
        this.links = links;
        this.config = config;
    }

    /** Double opt-in: the link of the confirmation mail makes the subscription ACTIVE. Idempotent. */
    @GET
    @Path("confirm")
    public Response confirm(@QueryParam("token") String token) {
        Subscription s = linkTokens.follow(token, Tokens.Purpose.CONFIRM, subscriptions::confirm);
        if (s.status == SubscriptionStatus.UNSUBSCRIBED) {
            return page(Response.Status.OK, ended(s));
        }
        return page(Response.Status.OK, Pages.message(new Message("订阅已确认 · Subscription confirmed", List.of(
                s.email + " 将收到 TC260 标准变更提醒。",
                s.email + " will now receive alerts about TC260 standards."),
                links.manage(s), "修改订阅设置 · Change your settings")));
    }

    @GET
    @Path("manage")
    public Response manage(@QueryParam("token") String token) {
        Subscription s = managed(token);
        if (s.status == SubscriptionStatus.UNSUBSCRIBED) {
            return page(Response.Status.OK, ended(s));
        }
        return page(Response.Status.OK, Templates.manage(managePage(s, token, false, null)));
    }

    /** The settings form; it always sends every field, so the lists it sends replace the stored ones. */
    @POST
    @Path("manage")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@QueryParam("token") String token, @RestForm String keywords, @RestForm String topics,
            @RestForm String idPrefixes, @RestForm List<String> kinds, @RestForm List<String> stages,
            @RestForm List<String> changeTypes, @RestForm String delivery, @RestForm String language) {
        Subscription s = managed(token);
        if (s.status == SubscriptionStatus.UNSUBSCRIBED) {
            return page(Response.Status.CONFLICT, ended(s));
        }
        Preferences preferences;
        try {
            preferences = Preferences.of(new Filters(lines(keywords), lines(topics), kinds, stages,
                    lines(idPrefixes), changeTypes), delivery, language);
        } catch (InvalidRequestException e) {
            return page(Response.Status.BAD_REQUEST, Templates.manage(managePage(s, token, false, e.getMessage())));
        }
        Subscription changed = linkTokens.follow(token, Tokens.Purpose.MANAGE,
                id -> subscriptions.update(id, preferences));
        return page(Response.Status.OK, Templates.manage(managePage(changed, token, true, null)));
    }

    @POST
    @Path("manage/delete")
    public Response delete(@QueryParam("token") String token) {
        Subscription s = linkTokens.follow(token, Tokens.Purpose.MANAGE, subscriptions::end);
        return page(Response.Status.OK, unsubscribed(s));
    }

    /** The page behind the unsubscribe link: a button, because a GET must never unsubscribe. */
    @GET
    @Path("unsubscribe")
    public Response unsubscribePage(@QueryParam("token") String token) {
        Subscription s = linkTokens.follow(token, Tokens.Purpose.UNSUBSCRIBE, subscriptions::find);
        if (s.status == SubscriptionStatus.UNSUBSCRIBED) {
            return page(Response.Status.OK, unsubscribed(s));
        }
        return page(Response.Status.OK, Templates.unsubscribe(new UnsubscribePage(s.email, urlEncoded(token))));
    }

    /**
     * One-click unsubscribe (RFC 8058), posted by mail clients from the {@code List-Unsubscribe} header and by the
     * button of the page above. Idempotent.
     */
    @POST
    @Path("unsubscribe")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    public Response unsubscribe(@QueryParam("token") String token, @RestForm(ONE_CLICK_FIELD) String oneClick) {
        if (!ONE_CLICK_VALUE.equals(oneClick)) {
            return notOneClick();
        }
        Subscription s = linkTokens.follow(token, Tokens.Purpose.UNSUBSCRIBE, subscriptions::end);
        return page(Response.Status.OK, unsubscribed(s));
    }

    /** Any other body (JSON, text, none) is not a one-click request. */
    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.WILDCARD)
    public Response unsubscribeOtherBody() {
        return notOneClick();
    }

    @ServerExceptionMapper
    public Response badLink(BadLinkException e) {
        if (e.expired()) {
            return page(Response.Status.GONE, Pages.message(new Message("链接已过期 · This link has expired", List.of(
                    "请用同一地址重新订阅，我们会发送新的确认链接；已选的设置会保留。",
                    "Subscribe again with the same address and a new link is mailed to you; the settings you chose "
                            + "are kept.",
                    "POST " + config.publicUrl() + "/api/subscriptions {\"email\": \"you@example.org\"}"), null, null)));
        }
        return page(Response.Status.BAD_REQUEST, Pages.message(new Message("链接无效 · This link is not valid",
                List.of("链接可能不完整（请从邮件中复制完整链接），或并非来自本服务。",
                        "It may be cut short (copy the whole link from the mail) or not come from us."), null, null)));
    }

    private Subscription managed(String token) {
        return linkTokens.follow(token, Tokens.Purpose.MANAGE, subscriptions::find);
    }

    private static Response notOneClick() {
        return page(Response.Status.BAD_REQUEST, Pages.message(new Message(
                "不是退订请求 · Not an unsubscribe request", List.of(
                        "一键退订须以表单提交 List-Unsubscribe=One-Click（RFC 8058）。",
                        "A one-click unsubscribe posts the form field List-Unsubscribe=One-Click (RFC 8058)."),
                null, null)));
    }

    private static TemplateInstance ended(Subscription s) {
        return Pages.message(new Message("订阅已结束 · This subscription has ended", List.of(
                s.email + " 已退订，不会收到任何提醒。如需提醒，请重新订阅并确认。",
                s.email + " is unsubscribed and receives nothing. To receive alerts again, subscribe again and "
                        + "confirm."), null, null));
    }

    private static TemplateInstance unsubscribed(Subscription s) {
        return Pages.message(new Message("已退订 · You are unsubscribed", List.of(
                s.email + " 不会再收到任何提醒。如系误操作，可重新订阅（需再次确认）。",
                s.email + " will receive no more alerts. If this was a mistake, subscribe again (you will be asked "
                        + "to confirm)."), null, null));
    }

    private static ManagePage managePage(Subscription s, String token, boolean saved, String error) {
        Filters f = s.filters;
        return new ManagePage(s.email,
                s.status == SubscriptionStatus.ACTIVE ? "已订阅 active" : "待确认 waiting for confirmation",
                urlEncoded(token), String.join("\n", f.keywords()), String.join("\n", f.topics()),
                String.join("\n", f.idPrefixes()), choiceGroups(f, s.deliveryMode, s.language), saved, error);
    }

    /**
     * The boxes of the settings, chosen as given: the settings page shows a subscription's, the subscribe form on the
     * home page the defaults.
     */
    public static List<ChoiceGroup> choiceGroups(Filters f, DeliveryMode delivery, MailLanguage language) {
        return List.of(
                group("类别 · Kinds", "kinds", "checkbox", ItemKind.values(), ItemKind::name,
                        k -> k.name().toLowerCase(Locale.ROOT).replace('_', ' '), f.kinds()),
                group("阶段 · Stages", "stages", "checkbox", Stage.values(), Stage::name,
                        st -> st.chinese() + " " + st.english(), f.stages()),
                group("变更类型 · Change types", "changeTypes", "checkbox", ChangeType.values(),
                        ChangeType::wireName, ChangeType::wireName, f.changeTypes()),
                group("发送频率 · Delivery", "delivery", "radio", DeliveryMode.values(), DeliveryMode::name,
                        SubscriptionPages::deliveryLabel, List.of(delivery.name())),
                group("语言 · Language", "language", "radio", MailLanguage.values(), MailLanguage::wireName,
                        SubscriptionPages::languageLabel, List.of(language.wireName())));
    }

    private static <E> ChoiceGroup group(String legend, String field, String type, E[] all, Function<E, String> value,
            Function<E, String> label, List<String> chosen) {
        return new ChoiceGroup(legend, field, type, Arrays.stream(all)
                .map(e -> new Choice(value.apply(e), label.apply(e), chosen.contains(value.apply(e))))
                .toList());
    }

    private static String deliveryLabel(DeliveryMode mode) {
        return switch (mode) {
            case INSTANT -> "即时 at once";
            case DAILY -> "每日汇总 daily digest";
            case WEEKLY -> "每周汇总 weekly digest";
        };
    }

    private static String languageLabel(MailLanguage language) {
        return switch (language) {
            case ZH -> "中文";
            case EN -> "English";
            case BOTH -> "中文 + English";
        };
    }

    /** A textarea's entries, one a line. */
    private static List<String> lines(String text) {
        return text == null ? List.of() : List.of(text.split("\\R"));
    }

    private static String urlEncoded(String token) {
        return URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** These pages carry a token in their address: never cached, never sent on as a Referer. */
    private static Response page(Response.Status status, TemplateInstance page) {
        return Pages.html(status, page)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .build();
    }
}
