package org.hotline.intake.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What intake needs of a case as case-service shows it. Unknown fields are ignored (against
 * this service's strict default) so that case-service can grow its answer without breaking us.
 *
 * @param state a {@link org.hotline.events.CaseState} name; a string so that a state added by
 *              case-service later reads as "unknown" here rather than failing the call
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CaseSummary(String reference, String state) {
}
