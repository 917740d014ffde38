// rows and cross-check of the report on the checked-in corpus, not timings
def run = new File(basedir, 'target/protodec-benchmark/run')
def report = new File(run, 'report/report.md').getText('UTF-8')
def html = new File(run, 'report/report.html').getText('UTF-8')
def summary = new File(run, 'summary.txt').getText('UTF-8')
def corpus = new File(basedir, 'src/test/corpus/products.delimited').toPath().toAbsolutePath()

for (q in ['deep', 'light', 'encode']) {
  assert summary.contains("ProductBenchmark · ${q}") : "summary row ProductBenchmark · ${q} missing:\n${summary}"
}
// each question's section in report.md has a row per contender
def contenders = [deep: ['dynamicMessage', 'protobufJava', 'protodecFresh', 'protodecReused', 'protodecZeroCopy'],
                  light: ['dynamicMessage', 'protobufJava', 'protodecFresh', 'protodecReused', 'protodecZeroCopy'],
                  encode: ['dynamicMessage', 'protobufJava', 'protodecToByteArray', 'protodecReusedWriter']]
contenders.each { q, names ->
  def heading = "### ProductBenchmark · ${q} (thrpt)"
  assert report.contains(heading) : "report section ${heading} missing"
  def section = report.substring(report.indexOf(heading) + heading.length()).split('\n#')[0]
  for (c in names) {
    // the report marks zero-copy rows: "protodecZeroCopy (zero-copy)"
    assert section =~ /(?m)^\| ${c}( \(zero-copy\))? +\|/ : "row ${c} missing in ${heading}:\n${section}"
  }
}
def origin = "shop.catalog.v1.Product: file ${corpus}, 5 length-delimited messages"
assert report.contains("- Corpus: ${origin}") : "corpus line missing:\n${report}"
assert report.contains('- Cross-check: shop.catalog.v1.Product: 5 messages agree: dynamicMessage, protodecFresh,'
    + ' protodecReused, protodecZeroCopy decode to protobuf-java\'s values, field by field; dynamicMessage, protobufJava,'
    + ' protodecToByteArray, protodecReusedWriter encode to bytes protobuf-java parses back to them')
assert html.contains("<li>Corpus: ${origin}</li>")
assert summary.contains(origin) && summary.contains('cross-check: shop.catalog.v1.Product: 5 messages agree')
assert !report.contains('generated from the schema')
// the harness's copy of the corpus is the checked-in file, message for message
assert new File(run, 'corpus/shop.catalog.v1.Product.delimited').bytes == corpus.toFile().bytes
// the imported message came from the dependency jar into the child project
assert new File(basedir, 'target/protodec-benchmark/src/main/proto/opentelemetry/proto/common/v1/common.proto').isFile()
return true
