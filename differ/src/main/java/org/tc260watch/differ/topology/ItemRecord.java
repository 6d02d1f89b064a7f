package org.tc260watch.differ.topology;

import org.tc260watch.events.Listing;

/** What one item last said (its content hash) and what its list means; kept beside the standard it speaks of. */
record ItemRecord(String contentHash, Listing listing) {
}
