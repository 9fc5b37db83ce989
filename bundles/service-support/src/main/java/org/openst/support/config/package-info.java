/**
 * The configuration rule every configurable component follows: a bad value is refused with one
 * log line naming the PID, the key and why, and the old configuration stays in force (at
 * activation, where there is no old one, the built-in defaults). {@link
 * org.openst.support.config.ConfigGate} applies it to a component's nested {@code @interface
 * Config}; {@link org.openst.support.config.ConfigChecks} holds the per-key rules. Not exported
 * (no {@code @Version}): each bundle that uses it embeds a private copy with bnd's
 * {@code -conditionalpackage}.
 */
package org.openst.support.config;
