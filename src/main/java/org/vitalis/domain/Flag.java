package org.vitalis.domain;

/** How far a stored reading lies from normal: shown as no colour, amber or red. */
public enum Flag {
    NORMAL,
    ABNORMAL,
    CRITICAL
}
