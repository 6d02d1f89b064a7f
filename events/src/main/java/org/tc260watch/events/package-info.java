/**
 * The public contract of tc260-watch: event records of the Kafka topics, the standard-identifier
 * parser, lifecycle stages and topic names. Nothing else is shared between the services.
 */
package org.tc260watch.events;
