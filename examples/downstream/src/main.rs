//! Prints the URL that authorizes the example GitHub OAuth app.

fn main() -> Result<(), oauth_providers::Error> {
    let url = downstream_example::authorize_url("Iv1.example", "secret")?;
    println!("{url}");
    Ok(())
}
