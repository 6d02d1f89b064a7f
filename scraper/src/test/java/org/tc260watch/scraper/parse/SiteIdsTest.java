package org.tc260watch.scraper.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SiteIdsTest {

    @Test
    void hex32IdsAreLowerCased() {
        assertThat(SiteIds.hex32("3BB57023C00A464FAF4C2F7B9A5524C7")).contains("3bb57023c00a464faf4c2f7b9a5524c7");
        assertThat(SiteIds.hex32("3bb57023c00a464faf4c2f7b9a5524c")).isEmpty();
        assertThat(SiteIds.hex32("3bb57023-c00a-464f-af4c-2f7b9a5524c7")).isEmpty();
        assertThat(SiteIds.hex32(null)).isEmpty();
    }

    @Test
    void timestampIdsMustBeAPlausibleTime() {
        assertThat(SiteIds.timestamp14("20250519172429")).contains("20250519172429");
        assertThat(SiteIds.timestamp14("20251319172429")).isEmpty();
        assertThat(SiteIds.timestamp14("2025051917242")).isEmpty();
    }
}
