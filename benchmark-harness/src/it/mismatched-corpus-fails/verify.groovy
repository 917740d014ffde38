// bytes that do not parse as the type stop the run before anything is timed, naming the message, its offset and why
def log = new File(basedir, 'build.log').getText('UTF-8')
def corpus = new File(basedir, 'src/test/corpus/mismatched.delimited').toPath().toAbsolutePath()
assert log.contains("protodec:benchmark: corpus message 2 (byte offset 16 of ${corpus}) does not parse as"
    + ' shop.catalog.v1.Product: Protocol message had invalid UTF-8.') : log
def run = new File(basedir, 'target/protodec-benchmark/run')
assert !new File(run, 'jmh.json').exists() && !new File(run, 'summary.txt').exists()
return true
