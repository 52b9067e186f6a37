package org.hotline.cases.service;

/**
 * A supervisor reads a case that is not assigned to him only with a reason ({@code X-Access-Reason}),
 * and he gave none.
 */
public class ReasonRequired extends RuntimeException {

    public ReasonRequired(String reference) {
        super("Reading case " + reference + ", which is not assigned to you, needs an access reason.", null, false,
                false);
    }
}
