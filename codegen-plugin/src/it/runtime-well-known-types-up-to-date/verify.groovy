// The runtime's checked-in well-known types are exactly what the plugin under test generates.
// To bring them up to date: bin/update-well-known-types
def generated = new File(basedir, 'target/generated-sources/protodec/dev/protodec/wkt')
def shipped = new File(basedir, '../../../../runtime-generated/src/main/java/dev/protodec/wkt')
assert generated.isDirectory() : "nothing generated in ${generated}"
assert shipped.isDirectory() : "no checked-in copy in ${shipped.canonicalPath}"

def names = { File dir -> (dir.list() as List).findAll { it.endsWith('.java') }.sort() }
assert names(generated).size() > 20 : "too few classes: ${names(generated)}"
def stale = []
if (names(generated) != names(shipped)) {
  stale << "files differ: generated ${names(generated)}, checked in ${names(shipped)}"
}
names(generated).each { name ->
  def copy = new File(shipped, name)
  if (copy.isFile() && copy.text != new File(generated, name).text) {
    stale << name
  }
}
assert stale.isEmpty() : "runtime-generated's well-known types are stale (${stale}); run bin/update-well-known-types"
assert new File(basedir, 'target/classes/dev/protodec/wkt/Timestamp.class').isFile()
