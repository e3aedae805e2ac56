/** Real stand-ins for the dashboard's neighbours in tests: a scraper stream, a metrics endpoint, Redis, image hosts. */
package io.jvcstreaming.dashboard.support;
