package dev.protodec.dns.corpus;

import com.google.protobuf.ByteString;
import dev.protodec.dns.v1.DnsMessage;
import dev.protodec.dns.v1.Edns;
import dev.protodec.dns.v1.EdnsOption;
import dev.protodec.dns.v1.MxData;
import dev.protodec.dns.v1.Opcode;
import dev.protodec.dns.v1.Question;
import dev.protodec.dns.v1.Rcode;
import dev.protodec.dns.v1.ResourceRecord;
import dev.protodec.dns.v1.SoaData;
import dev.protodec.dns.v1.TxtData;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Builds one DNS response at a time for a given question type, rcode and EDNS presence (the corpus
 * draws those from exact mixes); everything else is drawn here: names, CNAME chains, RRset sizes,
 * TTLs, addresses, TXT contents, SOAs, RRSIGs and EDNS options.
 */
final class ResponseGenerator {
  private static final int FLAG_QR = 1 << 15;
  private static final int FLAG_AA = 1 << 10;
  private static final int FLAG_RD = 1 << 8;
  private static final int FLAG_RA = 1 << 7;
  private static final int FLAG_AD = 1 << 5;

  private static final int OPTION_COOKIE = 10;
  private static final int OPTION_EXTENDED_ERROR = 15;

  /** Original TTLs of zones; a cached answer carries what is left of one. */
  private static final Weighted<Integer> TTLS = Weighted.of(20, 4).or(30, 4).or(60, 10).or(120, 4)
      .or(300, 26).or(600, 8).or(900, 4).or(1800, 8).or(3600, 18).or(7200, 2).or(14400, 3).or(86400, 9);

  /** RFC 8914 codes a SERVFAIL carries, with the extra text resolvers add (empty: none). */
  private static final Weighted<String> EXTENDED_ERRORS = Weighted.of("22:", 25)
      .or("22:no reachable authority at 192.0.2.53", 10).or("23:network error", 10).or("6:", 15)
      .or("6:validation failure <example.com. A>: signature expired", 5).or("7:", 10).or("9:", 5)
      .or("0:upstream timed out", 10).or("12:", 5).or("18:", 5);

  private static final Weighted<String> SPF_MECHANISMS = Weighted.of("include:_spf.google.com", 30)
      .or("include:spf.protection.outlook.com", 20).or("include:mailgun.org", 6)
      .or("include:sendgrid.net", 8).or("include:amazonses.com", 8).or("include:servers.mcsv.net", 5)
      .or("include:_spf.salesforce.com", 4).or("mx", 10).or("a", 6).or("ip4:198.51.100.0/24", 5)
      .or("ip4:203.0.113.17", 5).or("ip6:2001:db8::/32", 3);

  /** First octets of IPv4 addresses of big hosting networks. */
  private static final int[] A_FIRST_OCTETS = {
    104, 172, 142, 151, 185, 23, 52, 13, 34, 35, 3, 18, 54, 216, 93, 198, 199, 31, 157, 162,
  };

  /** The first 32 bits of IPv6 addresses of big hosting networks. */
  private static final byte[][] AAAA_PREFIXES = {
    {0x26, 0x06, 0x47, 0x00}, {0x2a, 0x00, 0x14, 0x50}, {0x20, 0x01, 0x48, 0x60},
    {0x26, 0x00, 0x1f, 0x18}, {0x2a, 0x04, 0x4e, 0x42}, {0x26, 0x20, 0x01, (byte) 0xec},
    {0x2a, 0x03, 0x28, (byte) 0x80}, {0x24, 0x00, (byte) 0xcb, 0x00},
  };

  /** Records in an A RRset: CDNs and load balancers hand out several addresses. */
  private static final Weighted<Integer> A_RRSET_SIZES = Weighted.of(1, 5).or(2, 14).or(3, 18).or(4, 32)
      .or(5, 12).or(6, 9).or(8, 8).or(10, 2);

  private static final Weighted<Integer> AAAA_RRSET_SIZES = Weighted.of(1, 20).or(2, 25).or(3, 15)
      .or(4, 32).or(6, 8);

  /** TXT records at a zone apex: SPF first, then verification tokens of the services the owner uses. */
  private static final Weighted<Integer> APEX_TXT_RRSET_SIZES = Weighted.of(1, 18).or(2, 18).or(3, 18)
      .or(4, 14).or(5, 11).or(6, 10).or(8, 8).or(10, 3);

  /** What resolvers announce: 1,232 since DNS flag day 2020, 4,096 from older ones. */
  private static final Weighted<Integer> UDP_PAYLOAD_SIZES = Weighted.of(1232, 80).or(4096, 15).or(512, 5);

  /** Queries with the DO bit: the client asks for DNSSEC records. */
  private static final int DNSSEC_OK_PERCENT = 35;

  /** Of those, answers from signed zones: validated (AD) and carrying an RRSIG per RRset. */
  private static final int SIGNED_PERCENT = 60;

  /** Address and HTTPS questions for hosts at cloud and SaaS providers rather than under a domain. */
  private static final int SERVICE_HOST_PERCENT = 30;

  private final Random random;
  private final Names names;

  ResponseGenerator(Random random) {
    this.random = random;
    this.names = new Names(random);
  }

  DnsMessage response(RecordType qtype, Rcode rcode, boolean edns) {
    DnsMessage.Builder m = DnsMessage.newBuilder();
    String domain = names.domain();
    String qname;
    if (qtype == RecordType.PTR) {
      qname = random.nextInt(5) == 0 ? names.reverse6(aaaa()) : names.reverse4(ipv4());
      domain = reverseZone(qname);
    } else {
      qname = qname(qtype, domain, rcode);
    }
    boolean dnssecOk = edns && random.nextInt(100) < DNSSEC_OK_PERCENT;
    boolean signed = dnssecOk && rcode != Rcode.SERVFAIL && random.nextInt(100) < SIGNED_PERCENT;
    m.getHeaderBuilder()
        .setId(random.nextInt(1 << 16))
        .setFlags(flags(signed))
        .setOpcode(Opcode.QUERY)
        .setRcode(rcode);
    m.addQuestions(Question.newBuilder()
        .setName(qname)
        .setQtype(qtype.number)
        .setQclass(RecordType.CLASS_IN));
    switch (rcode) {
      case NOERROR:
        answer(m, qtype, qname, domain);
        break;
      case NXDOMAIN:
        if (random.nextInt(10) == 0 && qtype != RecordType.PTR) {
          // the name is an alias to a name that does not exist
          String target = names.missingHost(names.domain());
          m.addAnswers(record(qname, RecordType.CNAME, ttl()).setCname(target));
          domain = target.substring(target.indexOf('.') + 1);
        }
        m.addAuthorities(soa(domain));
        break;
      default: // SERVFAIL: no records, the reason in an extended error
        break;
    }
    if (signed) {
      sign(m, qname);
    }
    if (edns) {
      m.setEdns(edns(rcode, dnssecOk));
    }
    return m.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Questions and headers

  private String qname(RecordType qtype, String domain, Rcode rcode) {
    if (rcode == Rcode.NXDOMAIN) {
      return names.missingHost(domain);
    }
    switch (qtype) {
      case MX:
      case NS:
        return random.nextInt(10) == 0 ? "mail." + domain : domain;
      case TXT:
        int kind = random.nextInt(10);
        if (kind < 6) {
          return domain;
        } else if (kind < 8) {
          return "_dmarc." + domain;
        } else if (kind < 9) {
          return (random.nextBoolean() ? "selector1" : "google") + "._domainkey." + domain;
        }
        return "_acme-challenge." + names.host(domain);
      default:
        return random.nextInt(100) < SERVICE_HOST_PERCENT ? names.serviceHost() : names.host(domain);
    }
  }

  private static String reverseZone(String reverseName) {
    // the /16 (IPv4) or /32 (IPv6) zone: the last labels before the arpa suffix
    boolean v6 = reverseName.endsWith("ip6.arpa.");
    int labels = v6 ? 8 + 2 : 2 + 2;
    int cut = reverseName.length() - 1;
    for (int i = 0; i < labels; i++) {
      cut = reverseName.lastIndexOf('.', cut - 1);
    }
    return reverseName.substring(cut + 1);
  }

  private int flags(boolean authenticated) {
    int flags = FLAG_QR | FLAG_RD | FLAG_RA;
    if (authenticated) {
      flags |= FLAG_AD;
    }
    if (random.nextInt(100) < 2) {
      flags |= FLAG_AA;
    }
    return flags;
  }

  // ---------------------------------------------------------------------------------------------
  // Answers

  private void answer(DnsMessage.Builder m, RecordType qtype, String qname, String domain) {
    switch (qtype) {
      case A:
        addresses(m, qname, domain, RecordType.A, 2, A_RRSET_SIZES);
        break;
      case AAAA:
        addresses(m, qname, domain, RecordType.AAAA, 18, AAAA_RRSET_SIZES);
        break;
      case HTTPS:
        https(m, qname, domain);
        break;
      case TXT:
        txt(m, qname);
        break;
      case MX:
        mx(m, qname, domain);
        break;
      case NS:
        ns(m, qname, domain);
        break;
      default: // PTR
        String host = names.host(names.domain());
        m.addAnswers(record(qname, RecordType.PTR, ttl()).setPtr(host));
        break;
    }
  }

  /** An address RRset, sometimes behind a CNAME chain, sometimes NODATA (an SOA and no answer). */
  private void addresses(DnsMessage.Builder m, String qname, String domain, RecordType type,
      int nodataPercent, Weighted<Integer> sizes) {
    if (random.nextInt(100) < nodataPercent) {
      m.addAuthorities(soa(domain));
      return;
    }
    String owner = cnameChain(m, qname, 35);
    int count = sizes.pick(random);
    int ttl = ttl();
    for (int i = 0; i < count; i++) {
      ResourceRecord.Builder rr = record(owner, type, ttl);
      if (type == RecordType.A) {
        rr.setA(toInt(ipv4()));
      } else {
        rr.setAaaa(ByteString.copyFrom(aaaa()));
      }
      m.addAnswers(rr);
    }
  }

  /**
   * With {@code percent} chance, CNAME records from {@code qname} to a CDN name (and a third of
   * those one step further); returns the name the final RRset belongs to.
   */
  private String cnameChain(DnsMessage.Builder m, String qname, int percent) {
    if (random.nextInt(100) >= percent) {
      return qname;
    }
    String target = names.cdnTarget(qname);
    m.addAnswers(record(qname, RecordType.CNAME, ttl()).setCname(target));
    if (random.nextInt(3) == 0) {
      String edge = names.edgeTarget();
      m.addAnswers(record(target, RecordType.CNAME, ttl()).setCname(edge));
      return edge;
    }
    return target;
  }

  /** An HTTPS RRset (RFC 9460) kept as raw RDATA: ALPN, address hints, sometimes an ECH config. */
  private void https(DnsMessage.Builder m, String qname, String domain) {
    if (random.nextInt(100) < 15) {
      m.addAuthorities(soa(domain));
      return;
    }
    String owner = cnameChain(m, qname, 15);
    m.addAnswers(record(owner, RecordType.HTTPS, ttl()).setRaw(ByteString.copyFrom(svcb())));
  }

  private byte[] svcb() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    putShort(out, 1); // SvcPriority 1: service mode
    out.write(0); // TargetName "." (the owner)
    byte[] alpn = random.nextInt(4) == 0 ? "\u0002h2".getBytes(StandardCharsets.US_ASCII)
        : "\u0002h3\u0002h2".getBytes(StandardCharsets.US_ASCII);
    param(out, 1, alpn);
    int v4 = 1 + random.nextInt(2);
    ByteArrayOutputStream hints = new ByteArrayOutputStream();
    for (int i = 0; i < v4; i++) {
      hints.writeBytes(ipv4());
    }
    param(out, 4, hints.toByteArray());
    if (random.nextInt(3) == 0) {
      byte[] ech = new byte[60 + random.nextInt(20)];
      random.nextBytes(ech);
      param(out, 5, ech);
    }
    if (random.nextInt(2) == 0) {
      hints.reset();
      for (int i = 0; i < v4; i++) {
        hints.writeBytes(aaaa());
      }
      param(out, 6, hints.toByteArray());
    }
    return out.toByteArray();
  }

  private static void param(ByteArrayOutputStream out, int key, byte[] value) {
    putShort(out, key);
    putShort(out, value.length);
    out.writeBytes(value);
  }

  private static void putShort(ByteArrayOutputStream out, int value) {
    out.write(value >>> 8);
    out.write(value);
  }

  /** TXT records: SPF and verification tokens at an apex, DMARC, a DKIM key, an ACME challenge. */
  private void txt(DnsMessage.Builder m, String qname) {
    int ttl = ttl();
    if (qname.startsWith("_dmarc.")) {
      String domain = qname.substring("_dmarc.".length(), qname.length() - 1);
      String policy = new String[] {"none", "quarantine", "reject"}[random.nextInt(3)];
      m.addAnswers(txtRecord(qname, ttl, "v=DMARC1; p=" + policy + "; rua=mailto:dmarc@" + domain));
    } else if (qname.contains("._domainkey.")) {
      String key = "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA" + names.token(330)
          + "IDAQAB";
      m.addAnswers(txtRecord(qname, ttl, key.substring(0, 255), key.substring(255)));
    } else if (qname.startsWith("_acme-challenge.")) {
      m.addAnswers(txtRecord(qname, ttl, names.token(43)));
    } else {
      int count = APEX_TXT_RRSET_SIZES.pick(random);
      m.addAnswers(txtRecord(qname, ttl, spf()));
      for (int i = 1; i < count; i++) {
        m.addAnswers(txtRecord(qname, ttl, verification()));
      }
    }
  }

  private String spf() {
    StringBuilder spf = new StringBuilder("v=spf1");
    int mechanisms = 1 + random.nextInt(4);
    for (int i = 0; i < mechanisms; i++) {
      spf.append(' ').append(SPF_MECHANISMS.pick(random));
    }
    return spf.append(random.nextBoolean() ? " ~all" : " -all").toString();
  }

  private String verification() {
    switch (random.nextInt(7)) {
      case 0:
        return "google-site-verification=" + names.token(43);
      case 1:
        return "MS=ms" + (10_000_000 + random.nextInt(90_000_000));
      case 2:
        return "facebook-domain-verification=" + names.alnum(30);
      case 3:
        return "apple-domain-verification=" + names.token(16);
      case 4:
        return "atlassian-domain-verification=" + names.token(64);
      case 5:
        return "docusign=" + uuid();
      default:
        return "globalsign-domain-verification=" + names.token(42);
    }
  }

  private String uuid() {
    String hex = "0123456789abcdef";
    StringBuilder s = new StringBuilder(36);
    for (int i = 0; i < 32; i++) {
      if (i == 8 || i == 12 || i == 16 || i == 20) {
        s.append('-');
      }
      s.append(hex.charAt(random.nextInt(16)));
    }
    return s.toString();
  }

  private ResourceRecord.Builder txtRecord(String owner, int ttl, String... strings) {
    TxtData.Builder txt = TxtData.newBuilder();
    for (String s : strings) {
      txt.addStrings(ByteString.copyFromUtf8(s));
    }
    return record(owner, RecordType.TXT, ttl).setTxt(txt);
  }

  /** MX records: Google's or Microsoft's hosted mail, or the domain's own exchanges. */
  private void mx(DnsMessage.Builder m, String qname, String domain) {
    int ttl = ttl();
    int provider = random.nextInt(10);
    if (provider < 3) {
      String[] google = {"aspmx.l.google.com.", "alt1.aspmx.l.google.com.", "alt2.aspmx.l.google.com.",
          "alt3.aspmx.l.google.com.", "alt4.aspmx.l.google.com."};
      int[] preferences = {1, 5, 5, 10, 10};
      for (int i = 0; i < google.length; i++) {
        m.addAnswers(mxRecord(qname, ttl, preferences[i], google[i]));
      }
    } else if (provider < 6) {
      String tenant = domain.substring(0, domain.length() - 1).replace('.', '-');
      String exchange = tenant + ".mail.protection.outlook.com.";
      m.addAnswers(mxRecord(qname, ttl, 0, exchange));
    } else {
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        String exchange = (count == 1 ? "mail." : "mx" + (i + 1) + ".") + domain;
        m.addAnswers(mxRecord(qname, ttl, 10 * (i + 1), exchange));
        if (random.nextInt(3) == 0) {
          m.addAdditionals(record(exchange, RecordType.A, ttl).setA(toInt(ipv4())));
        }
      }
    }
  }

  private ResourceRecord.Builder mxRecord(String owner, int ttl, int preference, String exchange) {
    return record(owner, RecordType.MX, ttl)
        .setMx(MxData.newBuilder().setPreference(preference).setExchange(exchange));
  }

  /** The zone's NS RRset, with glue addresses for name servers inside the zone. */
  private void ns(DnsMessage.Builder m, String qname, String domain) {
    int ttl = ttl();
    String[] servers = names.nameServers(domain, 2 + random.nextInt(3));
    for (String server : servers) {
      m.addAnswers(record(qname, RecordType.NS, ttl).setNs(server));
    }
    glue(m, servers, domain, ttl);
  }

  private void glue(DnsMessage.Builder m, String[] servers, String domain, int ttl) {
    for (String server : servers) {
      if (server.endsWith("." + domain)) {
        m.addAdditionals(record(server, RecordType.A, ttl).setA(toInt(ipv4())));
        if (random.nextBoolean()) {
          m.addAdditionals(record(server, RecordType.AAAA, ttl).setAaaa(ByteString.copyFrom(aaaa())));
        }
      }
    }
  }

  /** The zone's SOA, as negative answers carry it in the authority section (RFC 2308). */
  private ResourceRecord.Builder soa(String zone) {
    SoaData.Builder soa = SoaData.newBuilder();
    switch (random.nextInt(4)) {
      case 0:
        soa.setMname(names.word() + ".ns.cloudflare.com.").setRname("dns.cloudflare.com.")
            // above 2^31: negative as a Java int
            .setSerial((int) (2_350_000_000L + random.nextInt(50_000_000)))
            .setRefresh(10_000).setRetry(2_400).setExpire(604_800).setMinimum(1_800);
        break;
      case 1:
        soa.setMname("ns-" + random.nextInt(2048) + ".awsdns-" + random.nextInt(64) + ".net.")
            .setRname("awsdns-hostmaster.amazon.com.")
            .setSerial(1).setRefresh(7_200).setRetry(900).setExpire(1_209_600).setMinimum(86_400);
        break;
      default:
        int day = random.nextInt(28) + 1;
        soa.setMname("ns1." + zone).setRname("hostmaster." + zone)
            .setSerial(2_026_110_000 + day * 100 + random.nextInt(10))
            .setRefresh(3_600).setRetry(900).setExpire(1_209_600)
            .setMinimum(new int[] {60, 300, 3_600}[random.nextInt(3)]);
        break;
    }
    int ttl = 1 + random.nextInt(Math.min(soa.getMinimum(), 3_600));
    return record(zone, RecordType.SOA, ttl).setSoa(soa);
  }

  // ---------------------------------------------------------------------------------------------
  // DNSSEC

  /**
   * Puts an RRSIG (as raw RDATA) after the RRsets of the signed zone: the answers owned by the
   * question's name (a CDN's names further down a CNAME chain are in unsigned zones) and the
   * authority section's SOA.
   */
  private void sign(DnsMessage.Builder m, String qname) {
    List<ResourceRecord> answers = withSignatures(m.getAnswersList(), qname);
    List<ResourceRecord> authorities = withSignatures(m.getAuthoritiesList(), null);
    m.clearAnswers().addAllAnswers(answers).clearAuthorities().addAllAuthorities(authorities);
  }

  /** {@code records} with an RRSIG after each RRset (after those owned by {@code owner} if not null). */
  private List<ResourceRecord> withSignatures(List<ResourceRecord> records, String owner) {
    List<ResourceRecord> signed = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      ResourceRecord r = records.get(i);
      signed.add(r);
      ResourceRecord next = i + 1 < records.size() ? records.get(i + 1) : null;
      boolean lastOfSet =
          next == null || !next.getName().equals(r.getName()) || next.getType() != r.getType();
      if (lastOfSet && (owner == null || owner.equals(r.getName()))) {
        ByteString rdata = ByteString.copyFrom(rrsig(r));
        signed.add(record(r.getName(), RecordType.RRSIG, r.getTtl()).setRaw(rdata).build());
      }
    }
    return signed;
  }

  /** RRSIG RDATA (RFC 4034 section 3.1): ECDSA P-256 mostly, else RSA/SHA-256 with a 1024-bit key. */
  private byte[] rrsig(ResourceRecord covered) {
    String owner = covered.getName();
    boolean ecdsa = random.nextInt(100) < 95;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    putShort(out, covered.getType());
    out.write(ecdsa ? 13 : 8);
    out.write(labelCount(owner));
    putInt(out, covered.getTtl() + random.nextInt(3_600)); // original TTL
    int inception = 1_795_000_000 + random.nextInt(1_000_000);
    putInt(out, inception + 14 * 86_400); // expiration
    putInt(out, inception);
    putShort(out, random.nextInt(1 << 16)); // key tag
    // the zone: the owner without its first label, unless that leaves only a public suffix
    String signer = labelCount(owner) > 2 ? owner.substring(owner.indexOf('.') + 1) : owner;
    for (String label : signer.split("\\.")) {
      out.write(label.length());
      out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
    }
    out.write(0);
    byte[] signature = new byte[ecdsa ? 64 : 128];
    random.nextBytes(signature);
    out.writeBytes(signature);
    return out.toByteArray();
  }

  /** The labels of an absolute name, the root not counted: 3 for {@code www.example.com.}. */
  private static int labelCount(String name) {
    return (int) name.chars().filter(c -> c == '.').count();
  }

  private static void putInt(ByteArrayOutputStream out, int value) {
    putShort(out, value >>> 16);
    putShort(out, value & 0xffff);
  }

  // ---------------------------------------------------------------------------------------------
  // EDNS

  private Edns edns(Rcode rcode, boolean dnssecOk) {
    Edns.Builder edns = Edns.newBuilder()
        .setUdpPayloadSize(UDP_PAYLOAD_SIZES.pick(random))
        .setDnssecOk(dnssecOk);
    if (random.nextInt(100) < 65) {
      byte[] cookie = new byte[8 + 16]; // client cookie, then the server's (RFC 7873, RFC 9018)
      random.nextBytes(cookie);
      edns.addOptions(EdnsOption.newBuilder().setCode(OPTION_COOKIE).setData(ByteString.copyFrom(cookie)));
    }
    if (rcode == Rcode.SERVFAIL) {
      String[] error = EXTENDED_ERRORS.pick(random).split(":", 2);
      byte[] text = error[1].getBytes(StandardCharsets.UTF_8);
      ByteArrayOutputStream data = new ByteArrayOutputStream();
      putShort(data, Integer.parseInt(error[0])); // INFO-CODE, then EXTRA-TEXT (RFC 8914 section 2)
      data.writeBytes(text);
      edns.addOptions(EdnsOption.newBuilder()
          .setCode(OPTION_EXTENDED_ERROR)
          .setData(ByteString.copyFrom(data.toByteArray())));
    }
    return edns.build();
  }

  // ---------------------------------------------------------------------------------------------
  // Values

  private ResourceRecord.Builder record(String owner, RecordType type, int ttl) {
    return ResourceRecord.newBuilder()
        .setName(owner)
        .setType(type.number)
        .setRclass(RecordType.CLASS_IN)
        .setTtl(ttl);
  }

  /** What is left of a zone TTL in a cache: uniform between 1 and the original. */
  private int ttl() {
    return 1 + random.nextInt(TTLS.pick(random));
  }

  private byte[] ipv4() {
    byte[] address = new byte[4];
    random.nextBytes(address);
    address[0] = (byte) A_FIRST_OCTETS[random.nextInt(A_FIRST_OCTETS.length)];
    return address;
  }

  private static int toInt(byte[] address) {
    return (address[0] & 0xff) << 24 | (address[1] & 0xff) << 16 | (address[2] & 0xff) << 8
        | (address[3] & 0xff);
  }

  private byte[] aaaa() {
    byte[] address = new byte[16];
    random.nextBytes(address);
    byte[] prefix = AAAA_PREFIXES[random.nextInt(AAAA_PREFIXES.length)];
    System.arraycopy(prefix, 0, address, 0, prefix.length);
    if (random.nextBoolean()) {
      // many hosts use small interface identifiers (::1, ::6815:1234)
      Arrays.fill(address, 8, 12, (byte) 0);
    }
    return address;
  }
}
