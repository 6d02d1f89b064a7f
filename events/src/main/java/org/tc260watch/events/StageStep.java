package org.tc260watch.events;

import java.time.Instant;

/**
 * One step of a standard's stage history.
 *
 * @param stage the stage reached
 * @param since when the differ first observed the standard at that stage
 */
public record StageStep(Stage stage, Instant since) {
}
