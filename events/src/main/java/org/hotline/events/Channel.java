package org.hotline.events;

/** How a contact reached the hotline. */
public enum Channel {
    PHONE, CHAT_BOT, WEB_FORM
}
