//! Every seed spec starts a simulator with its endpoints routed.

mod common;

#[tokio::test]
async fn every_seed_spec_serves_its_endpoints() {
    for name in [
        "zoho_projects.yaml",
        "zoho_crm.yaml",
        "marketo.yaml",
        "nest.yaml",
        "openid.yaml",
    ] {
        let sim = common::start(name);
        assert!(sim.endpoint_url("token").is_some(), "{name}: token");
        assert!(sim.endpoint_url("api").is_some(), "{name}: api");
        sim.shutdown().await;
    }
}
