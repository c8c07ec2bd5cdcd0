/** Time passing, injectable: a task scheduler on real time and one on virtual time for tests. */
package dev.tenderkit.core.time;
