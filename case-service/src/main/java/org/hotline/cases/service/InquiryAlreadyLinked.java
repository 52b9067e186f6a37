package org.hotline.cases.service;

import java.util.UUID;

/** An officer already decided whom this inquiry was about; another link would contradict him. */
public class InquiryAlreadyLinked extends RuntimeException {

    public InquiryAlreadyLinked(UUID inquiryId, boolean toThisCase) {
        super("Inquiry " + inquiryId + " is already linked to " + (toThisCase ? "this case" : "another case") + ".",
                null, false, false);
    }
}
