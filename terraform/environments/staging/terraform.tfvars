# The account-specific inputs of staging; replace with the real ones (see docs/deployment.md).
providers_allowed = {
  wikipedia = ["arn:aws:iam::210987654321:role/wikipedia-movie-data-staging-delivery"]
}
oidc_provider_arn = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EXAMPLESTAGING"
oidc_provider_url = "oidc.eks.us-east-1.amazonaws.com/id/EXAMPLESTAGING"
