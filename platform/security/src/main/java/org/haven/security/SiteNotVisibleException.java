package org.haven.security;

import jakarta.ws.rs.NotFoundException;

/**
 * A row exists but belongs to a site the caller may not see. It is a {@link NotFoundException} so the
 * client gets exactly the 404 problem it would get for a row that does not exist: the response must
 * not reveal that other sites' records are there.
 */
public class SiteNotVisibleException extends NotFoundException {

    public SiteNotVisibleException(String detail) {
        super(detail);
    }
}
