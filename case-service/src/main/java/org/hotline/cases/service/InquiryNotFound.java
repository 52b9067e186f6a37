package org.hotline.cases.service;

import java.util.UUID;

/** No open inquiry has this id. */
public class InquiryNotFound extends RuntimeException {

    public InquiryNotFound(UUID inquiryId) {
        super("No open inquiry has id " + inquiryId + ".", null, false, false);
    }
}
