CREATE TABLE "post_metric_snapshots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"captured_at" timestamp with time zone NOT NULL,
	"impressions" integer,
	"reactions" integer DEFAULT 0 NOT NULL,
	"reactions_by_type" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"comments" integer DEFAULT 0 NOT NULL,
	"reposts" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "post_metric_snapshots" ADD CONSTRAINT "post_metric_snapshots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_metric_snapshots" ADD CONSTRAINT "post_metric_snapshots_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "post_metric_snapshots_post_id_captured_at_index" ON "post_metric_snapshots" USING btree ("post_id","captured_at");--> statement-breakpoint
CREATE INDEX "post_metric_snapshots_organization_id_captured_at_index" ON "post_metric_snapshots" USING btree ("organization_id","captured_at");