// a corpus path that is neither a file nor a folder fails before the benchmark project is written or built
def log = new File(basedir, 'build.log').getText('UTF-8')
def corpus = new File(basedir, 'src/test/corpus/no-such-file.delimited').toPath().toAbsolutePath()
assert log.contains("protodec:benchmark: cannot read the corpus ${corpus} (protodec.benchmark.corpus): not a readable"
    + ' file or folder (give a file of length-delimited messages, as writeDelimitedTo writes them, or a folder of'
    + ' one binary message per file)') : log
assert !new File(basedir, 'target/protodec-benchmark/pom.xml').exists()
return true
