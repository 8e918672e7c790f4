/// The explorer page's files, compiled into the binary (`embedInCode`), so `serve` reads nothing
/// from disk but the scenario folder.
enum Assets {
    static let index = PackageResources.index_html
    static let script = PackageResources.explorer_js
    static let style = PackageResources.explorer_css
}
