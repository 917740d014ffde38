// a type that is not in the schema fails before anything is built, listing the types there are
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("protodec:benchmark: no message type 'shop.catalog.v1.Produkt' in the schema (shop/catalog/v1/catalog.proto and their imports)")
assert log.contains('The message types are:\n  shop.catalog.v1.Category\n  shop.catalog.v1.Product\n') : log
assert !new File(basedir, 'target/protodec-benchmark/pom.xml').exists()
return true
