package org.openst.places.service;

import org.openst.protocol.LoginInfo;

/**
 * What the wire says about one member (spec §6.4 member record): its member ID and the login it
 * joined from, as other clients must see it (community empty for the own community, §5.9).
 */
record MemberRecord(int memberId, LoginInfo login) {
}
