package org.zhusan.vault.platform.rest;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items the items on this page
 * @param offset index of the first item
 * @param limit the page size asked for
 * @param total how many items there are in all
 */
public record Page<T>(List<T> items, int offset, int limit, long total) {
  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;
}
