/**
 * A stand-in for www.tc260.org.cn that serves fixture pages in numbered site states, for the scraper's
 * integration tests and the e2e module (shipped in the scraper's test-jar). JDK only, apart from the Quarkus
 * test resource that wires it into {@code @QuarkusTest}s.
 */
package org.tc260watch.scraper.sim;
