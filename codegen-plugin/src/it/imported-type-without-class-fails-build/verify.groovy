// A referenced type without a protodec class stops the build with the type, the file and the fix.
def log = new File(basedir, 'build.log').text
assert log.contains('example.orders.Order.total refers to example.common.Money from com/example/common/money.proto') : 'no message naming the field and type'
assert log.contains('the class path has no class com.example.common.Money')
assert log.contains('<generateImports>true</generateImports>')
assert !new File(basedir, 'target/generated-sources/protodec/com/example/orders/Order.java').exists()
