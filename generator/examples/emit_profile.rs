//! Where emission spends its time, stage by stage, on one thread: tokens, syn, prettyplease.

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).expect("usage: emit_profile DEFINITIONS");
    let options = modelgen::Options::new(dir, "/tmp/unused", "profile");
    let definitions = modelgen::load(&options).expect("the definitions read");
    let catalog = modelgen::check::check(&definitions).expect("the definitions check");

    let start = Instant::now();
    let tokens: Vec<_> = catalog.types.iter().map(modelgen::emit::type_tokens).collect();
    eprintln!("tokens   {:?}", start.elapsed());

    let start = Instant::now();
    let files: Vec<syn::File> = tokens.into_iter().map(|t| syn::parse2(t).expect("parses")).collect();
    eprintln!("syn      {:?}", start.elapsed());

    let start = Instant::now();
    let bytes: usize = files.iter().map(|f| prettyplease::unparse(f).len()).sum();
    eprintln!("unparse  {:?} ({bytes} bytes)", start.elapsed());
}
