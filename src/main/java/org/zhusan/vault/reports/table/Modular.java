package org.zhusan.vault.reports.table;

/**
 * Gaussian elimination modulo p = 2<sup>61</sup>−1, the arithmetic of {@link Suppressor}'s exact
 * check (why modular rather than rational is said there). A Mersenne prime, so reduction is shifts
 * and adds.
 */
final class Modular {

  static final long P = Suppressor.P;

  private Modular() {}

  static long add(long a, long b) {
    long s = a + b;
    return s >= P ? s - P : s;
  }

  static long sub(long a, long b) {
    long d = a - b;
    return d < 0 ? d + P : d;
  }

  static long mul(long a, long b) {
    long hi = Math.multiplyHigh(a, b);
    long lo = a * b;
    long r = (lo & P) + ((lo >>> 61) | (hi << 3));
    r = (r & P) + (r >>> 61);
    return r >= P ? r - P : r;
  }

  static long inverse(long a) {
    if (a == 0) {
      throw new ArithmeticException("zero has no inverse.");
    }
    long result = 1;
    long base = a;
    long exponent = P - 2;
    while (exponent > 0) {
      if ((exponent & 1) == 1) {
        result = mul(result, base);
      }
      base = mul(base, base);
      exponent >>= 1;
    }
    return result;
  }

  /**
   * Brings {@code matrix} (entries in [0, p)) to reduced row echelon form in place.
   *
   * @return for each column, the row holding its pivot, or -1 for a free column
   */
  static int[] reduce(long[][] matrix, int width) {
    int[] pivotRowOfColumn = new int[width];
    java.util.Arrays.fill(pivotRowOfColumn, -1);
    int rank = 0;
    for (int col = 0; col < width && rank < matrix.length; col++) {
      int pivot = -1;
      for (int i = rank; i < matrix.length; i++) {
        if (matrix[i][col] != 0) {
          pivot = i;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long[] row = matrix[pivot];
      matrix[pivot] = matrix[rank];
      matrix[rank] = row;
      long inv = inverse(row[col]);
      // Entries left of col are zero in a row not yet used as pivot.
      for (int j = col; j < width; j++) {
        if (row[j] != 0) {
          row[j] = mul(row[j], inv);
        }
      }
      for (int i = 0; i < matrix.length; i++) {
        long[] other = matrix[i];
        long factor = other[col];
        if (i == rank || factor == 0) {
          continue;
        }
        for (int j = col; j < width; j++) {
          if (row[j] != 0) {
            other[j] = sub(other[j], mul(factor, row[j]));
          }
        }
      }
      pivotRowOfColumn[col] = rank;
      rank++;
    }
    return pivotRowOfColumn;
  }

  /** Whether {@code row} is zero but at {@code col}. */
  static boolean onlyEntry(long[] row, int col) {
    for (int j = 0; j < row.length; j++) {
      if (j != col && row[j] != 0) {
        return false;
      }
    }
    return true;
  }
}
