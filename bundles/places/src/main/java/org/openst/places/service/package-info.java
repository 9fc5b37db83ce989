/**
 * The Places server application: the place service {@code 0x80000022} of protocol spec §6.4
 * (named places with one section each, membership, text chat) and the entry point for
 * {@link org.openst.places.api.PlaceActivity} services. Implementation only: this package is not
 * exported (it has no {@code @Version}).
 */
package org.openst.places.service;
