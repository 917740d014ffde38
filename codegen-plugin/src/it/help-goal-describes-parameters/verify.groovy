// The help goal prints the generate goal with each user parameter, its property and its default.
def log = new File(basedir, 'build.log').text

assert log.contains('protodec:generate') : 'the help names the goal'
assert log.contains('Generates protodec decoders and encoders for the main code') : 'the goal description'
assert !log.contains('protodec:generate-test') : '-Dgoal=generate describes that goal only'

def parameters = ['excludes', 'generateGrpc', 'generateImports', 'importPaths', 'includes',
                  'outputDirectory', 'protoSourceRoots', 'protocExecutable', 'protocVersion',
                  'replacePackages', 'skip', 'writeDescriptorSet']
parameters.each { name ->
  // "    name" or "    name (Default: value)", the value wrapped when long
  assert (log =~ /(?m)^\s+${name}( \(Default:.*)?$/).find() : "no entry for parameter ${name}"
  assert log.contains("User property: protodec.${name}") : "no user property for ${name}"
}
assert log.contains('skip (Default: false)')
assert log.contains('protocVersion (Default: 4.36.2)')
// read-only plumbing is not shown to users
assert !log.contains('User property: session')
