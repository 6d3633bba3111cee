# Latency-based routing across regions, under the origin name CloudFront resolves (origin.<record_name>; the public
# name itself points at CloudFront, modules/edge): each edge location reaches the nearest healthy region. A region
# whose readiness fails is taken out of the answers until it passes again; draining a region is inverting its health
# check (see docs/runbooks/region-failover.md).

resource "aws_route53_health_check" "region" {
  for_each          = var.regions
  fqdn              = each.value.load_balancer_dns_name
  type              = "HTTPS"
  port              = 443
  resource_path     = var.health_path
  request_interval  = 10
  failure_threshold = 3
  measure_latency   = true
  enable_sni        = true
  tags              = merge(var.tags, { Name = "marquee-${each.key}" })
}

resource "aws_route53_record" "api" {
  for_each        = var.regions
  zone_id         = var.zone_id
  name            = "origin.${var.record_name}"
  type            = "A"
  set_identifier  = each.key
  health_check_id = aws_route53_health_check.region[each.key].id

  latency_routing_policy {
    region = each.key
  }

  alias {
    name                   = each.value.load_balancer_dns_name
    zone_id                = each.value.load_balancer_zone_id
    evaluate_target_health = true
  }
}

# Each region by its own name (<region>.<record_name>), past latency routing: the pipeline smoke-tests a region it
# has just deployed through it, and operators check a drained region before bringing it back.
resource "aws_route53_record" "regional" {
  for_each = var.regions
  zone_id  = var.zone_id
  name     = "${each.key}.${var.record_name}"
  type     = "A"

  alias {
    name                   = each.value.load_balancer_dns_name
    zone_id                = each.value.load_balancer_zone_id
    evaluate_target_health = false
  }
}
