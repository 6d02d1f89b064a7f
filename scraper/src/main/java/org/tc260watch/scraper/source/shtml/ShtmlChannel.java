package org.tc260watch.scraper.source.shtml;

import java.util.Arrays;
import java.util.Optional;
import org.tc260watch.events.ItemKind;
import org.tc260watch.scraper.parse.NoticeReader;

/** The CMS channels under {@code /tc260/{path}/} that we watch, with the label their own pages carry. */
enum ShtmlChannel {
    /** 通知公告: releases, practice-guide drafts, needs lists, publication announcements. */
    NOTICES("tzgg", "通知公告", NoticeListAdapter.SOURCE),
    /** 新闻动态 (the path really is {@code xwdt1}). */
    NEWS("xwdt1", "新闻动态", NewsListAdapter.SOURCE),
    /** 实践指南: published practice guides. */
    GUIDES("sjzn", "实践指南", GuideListAdapter.SOURCE);

    private final String path;
    private final String label;
    private final String source;

    ShtmlChannel(String path, String label, String source) {
        this.path = path;
        this.label = label;
        this.source = source;
    }

    /** The path segment after {@code /tc260/}. */
    String path() {
        return path;
    }

    /** The channel's name as its pages show it (title, breadcrumb). */
    String label() {
        return label;
    }

    /** The list source reading this channel. */
    String source() {
        return source;
    }

    /** Site path of list page {@code n}: {@code list.shtml}, then {@code list_2.shtml}… (inferred from [S16]). */
    String listPath(int page) {
        return "/tc260/" + path + "/" + (page == 1 ? "list.shtml" : "list_" + page + ".shtml");
    }

    static Optional<ShtmlChannel> ofPath(String path) {
        return Arrays.stream(values()).filter(c -> c.path.equals(path)).findFirst();
    }

    /**
     * What an item of a channel is. The guides channel holds practice guides, unless a title asks for comments
     * (a guide's 征求意见稿); elsewhere the title decides (NoticeReader).
     */
    static ItemKind kindOf(String channelPath, String title) {
        ItemKind byTitle = NoticeReader.kindOf(title, "");
        if (GUIDES.path.equals(channelPath) && byTitle != ItemKind.COMMENT_DRAFT_NOTICE) {
            return ItemKind.PRACTICE_GUIDE;
        }
        return byTitle;
    }
}
