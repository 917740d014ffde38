// rows and cross-check of the report, not timings
def run = new File(basedir, 'target/protodec-benchmark/run')
def report = new File(run, 'report/report.md').getText('UTF-8')
def summary = new File(run, 'summary.txt').getText('UTF-8')
assert new File(run, 'report/report.html').isFile()
for (q in ['deep', 'light', 'encode']) {
  for (t in ['OrderBenchmark', 'CategoryBenchmark']) {
    assert summary.contains("${t} · ${q}") : "summary row ${t} · ${q} missing:\n${summary}"
  }
}
for (c in ['dynamicMessage', 'protobufJava', 'protodecFresh', 'protodecReused', 'protodecZeroCopy',
    'protodecToByteArray', 'protodecReusedWriter']) {
  assert report.contains(c) : "report row ${c} missing"
}
assert report.contains('Cross-check: acme.orders.v1.Order: 20 messages agree')
assert report.contains('Cross-check: acme.orders.v1.Category: 20 messages agree')
assert report.contains('generated from the schema (no corpus given): 20 messages, seed 42')
return true
