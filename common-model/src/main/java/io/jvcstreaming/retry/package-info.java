/** Retry timing shared by every module that reconnects or retries. */
package io.jvcstreaming.retry;
