package dev.protodec.dns.corpus;

import java.util.Random;

/**
 * Domain names that look like those a resolver sees: registered domains made of one or two words (or
 * a word and digits) under a public suffix, hosts below them, and the names of the big hosting and
 * mail providers that CNAME, NS and MX records point to. All names are absolute, in presentation form
 * ({@code www.example.com.}).
 */
final class Names {
  private static final String[] WORDS = {
    "able", "acme", "alpha", "amber", "anchor", "apex", "apple", "arrow", "atlas", "aurora",
    "badger", "bamboo", "beacon", "berry", "birch", "blaze", "bloom", "blue", "bolt", "breeze",
    "bridge", "bright", "brook", "cactus", "canyon", "cedar", "charm", "cherry", "cinder", "citrus",
    "cloud", "clover", "cobalt", "comet", "coral", "cosmic", "crane", "crest", "crystal", "daisy",
    "dawn", "delta", "desert", "drift", "eagle", "echo", "ember", "falcon", "fern", "fiesta",
    "flint", "forest", "fox", "frost", "galaxy", "garden", "gecko", "glacier", "globe", "golden",
    "granite", "green", "harbor", "hazel", "horizon", "hub", "indigo", "iris", "island", "ivory",
    "jade", "jet", "juniper", "kite", "lagoon", "lake", "lark", "lemon", "lime", "linen",
    "lotus", "lunar", "maple", "marble", "meadow", "mesa", "metro", "mint", "mist", "moon",
    "nova", "oak", "ocean", "olive", "onyx", "orbit", "orchid", "otter", "panda", "pearl",
    "pepper", "pine", "pixel", "planet", "plum", "polar", "prism", "pulse", "quartz", "quest",
    "rapid", "raven", "reef", "ridge", "river", "rocket", "ruby", "sage", "salt", "sierra",
    "silver", "sky", "slate", "solar", "spark", "spruce", "star", "stone", "summit", "sun",
    "swift", "tango", "terra", "thunder", "tide", "tiger", "topaz", "trail", "tulip", "union",
    "urban", "valley", "vector", "velvet", "vista", "wave", "willow", "wind", "wolf", "zen",
  };

  private static final Weighted<String> SUFFIXES = Weighted.of("com", 45)
      .or("net", 8).or("org", 7).or("io", 4).or("de", 4).or("co.uk", 3).or("com.au", 2).or("fr", 2)
      .or("jp", 2).or("nl", 2).or("ru", 2).or("com.br", 2).or("info", 2).or("dev", 2).or("app", 2)
      .or("ca", 2).or("it", 1).or("es", 1).or("co", 2).or("in", 1).or("pl", 1).or("ch", 1).or("se", 1)
      .or("co.jp", 1).or("us", 1);

  private static final Weighted<String> HOSTS = Weighted.of("www", 40).or("api", 6).or("cdn", 5)
      .or("mail", 4).or("static", 4).or("app", 4).or("login", 3).or("images", 3).or("m", 3).or("shop", 3)
      .or("blog", 3).or("auth", 2).or("assets", 2).or("media", 2).or("status", 2).or("docs", 2)
      .or("portal", 2).or("beta", 1).or("dev", 1).or("vpn", 1).or("eu", 2).or("us-east-1.api", 1)
      .or("edge", 2).or("img", 2).or("s", 1).or("push", 1).or("video", 1).or("account", 1);

  /** The second label of deeper hosts: {@code api.eu-west-1.example.com.}. */
  private static final Weighted<String> SITES = Weighted.of("prod", 4).or("eu-west-1", 2).or("us", 3)
      .or("eu", 3).or("edge", 2).or("web", 3).or("origin", 2).or("svc", 2).or("int", 1).or("cdn", 3)
      .or("global", 2).or("ap-southeast-2", 1).or("staging", 1).or("corp", 1).or("cloud", 2);

  private static final Weighted<String> REGIONS = Weighted.of("us-east-1", 5).or("us-west-2", 3)
      .or("eu-west-1", 3).or("eu-central-1", 2).or("ap-northeast-1", 1).or("ap-southeast-1", 1)
      .or("sa-east-1", 1);

  private final Random random;

  Names(Random random) {
    this.random = random;
  }

  String word() {
    return WORDS[random.nextInt(WORDS.length)];
  }

  /** A registered domain such as {@code bluefox.com.}. */
  String domain() {
    int kind = random.nextInt(10);
    String label;
    if (kind < 1) {
      label = word();
    } else if (kind < 6) {
      label = word() + (random.nextInt(4) == 0 ? "-" : "") + word();
    } else if (kind < 9) {
      label = word() + word() + word();
    } else {
      label = word() + (1 + random.nextInt(999));
    }
    return label + "." + SUFFIXES.pick(random) + ".";
  }

  /** A host below {@code domain}: mostly {@code www.}, sometimes the bare domain or deeper hosts. */
  String host(String domain) {
    int kind = random.nextInt(100);
    if (kind < 8) {
      return domain;
    } else if (kind < 45) {
      return HOSTS.pick(random) + "." + domain;
    }
    return HOSTS.pick(random) + "." + SITES.pick(random) + "." + domain;
  }

  /**
   * A host at a cloud or SaaS provider, named by the provider's scheme: the long names that load
   * balancers, buckets, tenants and telemetry endpoints have.
   */
  String serviceHost() {
    String region = REGIONS.pick(random);
    switch (random.nextInt(8)) {
      case 0:
        return word() + "-" + word() + "-" + alnum(8) + "." + region + ".elb.amazonaws.com.";
      case 1:
        return word() + "-" + word() + "-assets." + "s3." + region + ".amazonaws.com.";
      case 2:
        return word() + word() + alnum(6) + ".blob.core.windows.net.";
      case 3:
        return word() + "-" + word() + "-" + (100 + random.nextInt(900)) + ".firebaseio.com.";
      case 4:
        return region + "-" + word() + ".events.data.microsoft.com.";
      case 5:
        return word() + "-" + alnum(12) + ".herokuapp.com.";
      case 6:
        return "ec2-" + (3 + random.nextInt(60)) + "-" + random.nextInt(256) + "-" + random.nextInt(256) + "-"
            + random.nextInt(256) + "." + region + ".compute.amazonaws.com.";
      default:
        return word() + "." + word() + "-pa.googleapis.com.";
    }
  }

  /** A name that does not exist below {@code domain}, as NXDOMAIN answers name them. */
  String missingHost(String domain) {
    String[] prefixes = {"wwww", "old", "staging", "test", "intranet", "autodiscover", "wpad", "cpanel"};
    if (random.nextBoolean()) {
      return prefixes[random.nextInt(prefixes.length)] + "." + domain;
    }
    return word() + random.nextInt(100) + "." + domain;
  }

  /** The end of a CNAME chain at a CDN, for {@code host}. */
  String cdnTarget(String host) {
    String bare = host.substring(0, host.length() - 1);
    switch (random.nextInt(6)) {
      case 0:
        return bare + ".cdn.cloudflare.net.";
      case 1:
        return bare + ".edgekey.net.";
      case 2:
        return "d" + alnum(13) + ".cloudfront.net.";
      case 3:
        return bare.replace('.', '-') + ".azureedge.net.";
      case 4:
        String balancer = word() + "-" + (100_000 + random.nextInt(900_000));
        return "dualstack." + balancer + ".us-east-1.elb.amazonaws.com.";
      default:
        return word() + ".github.io.";
    }
  }

  /** The second link of a two-step chain (Akamai's edge name after an {@code edgekey.net} one). */
  String edgeTarget() {
    return "e" + (1000 + random.nextInt(9000)) + "." + (char) ('a' + random.nextInt(8)) + ".akamaiedge.net.";
  }

  /** The name server names of {@code domain}'s zone, {@code count} of them. */
  String[] nameServers(String domain, int count) {
    String[] names = new String[count];
    int provider = random.nextInt(4);
    for (int i = 0; i < count; i++) {
      switch (provider) {
        case 0:
          names[i] = "ns" + (i + 1) + "." + domain;
          break;
        case 1:
          names[i] = word() + ".ns.cloudflare.com.";
          break;
        case 2:
          String[] tlds = {"com", "net", "org", "co.uk"};
          names[i] = "ns-" + random.nextInt(2048) + ".awsdns-" + random.nextInt(64) + "." + tlds[i % 4] + ".";
          break;
        default:
          names[i] = "dns" + (i + 1) + ".p0" + random.nextInt(10) + ".nsone.net.";
          break;
      }
    }
    return names;
  }

  /** The reverse-mapping name of an IPv4 address: {@code 4.3.2.1.in-addr.arpa.}. */
  String reverse4(byte[] address) {
    StringBuilder name = new StringBuilder();
    for (int i = 3; i >= 0; i--) {
      name.append(address[i] & 0xff).append('.');
    }
    return name.append("in-addr.arpa.").toString();
  }

  /** The reverse-mapping name of an IPv6 address: 32 nibbles then {@code ip6.arpa.}. */
  String reverse6(byte[] address) {
    StringBuilder name = new StringBuilder();
    for (int i = 15; i >= 0; i--) {
      name.append(Character.forDigit(address[i] & 0xf, 16)).append('.');
      name.append(Character.forDigit((address[i] >> 4) & 0xf, 16)).append('.');
    }
    return name.append("ip6.arpa.").toString();
  }

  /** {@code n} random lower-case letters and digits. */
  String alnum(int n) {
    String chars = "abcdefghijklmnopqrstuvwxyz0123456789";
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(chars.charAt(random.nextInt(chars.length())));
    }
    return s.toString();
  }

  /** {@code n} random base64url characters, as verification tokens use. */
  String token(int n) {
    String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      s.append(chars.charAt(random.nextInt(chars.length())));
    }
    return s.toString();
  }
}
