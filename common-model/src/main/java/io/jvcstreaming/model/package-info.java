/** The value types shared by every module: what a forum post is once scraped. */
package io.jvcstreaming.model;
