package dev.forcelink.examples.erp;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A fake ERP export: customers with their contact people, generated from a seed so that every run
 * produces exactly the same data. ERP ids start with {@value #ID_PREFIX}, so the records the
 * example manages can be told apart from anything else in a real org.
 *
 * <p>Immutable and thread-safe.
 */
public final class ErpDataSet {
  /** The start of every ERP id this data set makes. */
  public static final String ID_PREFIX = "ERP-";

  private static final String[] COMPANY_WORDS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay",
      "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Wonka", "Gringotts", "Monarch", "Oscorp", "Nakatomi"};
  private static final String[] COMPANY_KINDS = {"Industries", "Logistics", "Foods", "Systems", "Trading",
      "Labs", "Works", "Partners"};
  private static final String[] CITIES = {"Lyon", "Porto", "Gdansk", "Leeds", "Ghent", "Graz", "Turku", "Cork"};
  private static final String[] INDUSTRIES = {"Manufacturing", "Retail", "Technology", "Energy", "Healthcare"};
  private static final String[] FIRST_NAMES = {"Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances",
      "Ken", "Radia", "Tim", "Margaret", "Niklaus", "Hedy", "Linus", "Sophie", "John"};
  private static final String[] LAST_NAMES = {"Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth",
      "Allen", "Thompson", "Perlman", "Berners-Lee", "Hamilton", "Wirth", "Lamarr", "Torvalds", "Wilson", "Backus"};

  private final List<ErpAccount> accounts;

  private ErpDataSet(List<ErpAccount> accounts) {
    this.accounts = List.copyOf(accounts);
  }

  /**
   * Generates a data set: {@code accountCount} customers with 1 to 6 contacts each (about 3.5 on
   * average), the same for the same arguments.
   *
   * @param accountCount how many customers, 1 to 9,999
   * @param seed the random seed
   * @return the data set
   * @throws IllegalArgumentException if {@code accountCount} is out of range
   */
  public static ErpDataSet generate(int accountCount, long seed) {
    if (accountCount < 1 || accountCount > 9_999) {
      throw new IllegalArgumentException("accountCount must be 1 to 9999, got " + accountCount);
    }
    Random random = new Random(seed);
    List<ErpAccount> accounts = new ArrayList<>(accountCount);
    int contactNumber = 0;
    for (int a = 1; a <= accountCount; a++) {
      String accountId = String.format("%sA-%04d", ID_PREFIX, a);
      String name = pick(random, COMPANY_WORDS) + " " + pick(random, COMPANY_KINDS) + " " + a;
      List<ErpContact> contacts = new ArrayList<>();
      int count = 1 + random.nextInt(6);
      for (int c = 0; c < count; c++) {
        contactNumber++;
        String first = pick(random, FIRST_NAMES);
        String last = pick(random, LAST_NAMES);
        contacts.add(new ErpContact(String.format("%sC-%05d", ID_PREFIX, contactNumber), first, last,
            (first + "." + last + "." + contactNumber + "@example.com").toLowerCase(java.util.Locale.ROOT)));
      }
      accounts.add(new ErpAccount(accountId, name, pick(random, CITIES), pick(random, INDUSTRIES), contacts));
    }
    return new ErpDataSet(accounts);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /**
   * Returns the customers, in ERP id order.
   *
   * @return an unmodifiable list
   */
  public List<ErpAccount> accounts() {
    return accounts;
  }

  /**
   * Returns how many contacts all customers have together.
   *
   * @return the contact count
   */
  public int contactCount() {
    return accounts.stream().mapToInt(a -> a.contacts().size()).sum();
  }
}
