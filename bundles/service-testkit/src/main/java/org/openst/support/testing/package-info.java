/**
 * Test doubles the service bundles' unit tests share: {@link org.openst.support.testing.FakeLogin},
 * {@link org.openst.support.testing.FakeChannel}, {@link org.openst.support.testing.LogCapture},
 * {@link org.openst.support.testing.Gate}, {@link org.openst.support.testing.MutableClock} and
 * {@link org.openst.support.testing.Configs}. Used with test scope only; never in a bundle.
 */
package org.openst.support.testing;
