CREATE TABLE "posting_settings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"time_zone" text NOT NULL,
	"slots" jsonb NOT NULL,
	"max_posts_per_day" integer DEFAULT 2 NOT NULL,
	"min_gap_minutes" integer DEFAULT 180 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "scheduled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "qstash_message_id" text;--> statement-breakpoint
ALTER TABLE "posts" ADD COLUMN "publish_attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "posting_settings" ADD CONSTRAINT "posting_settings_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "posting_settings" ADD CONSTRAINT "posting_settings_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "posting_settings_organization_id_user_id_index" ON "posting_settings" USING btree ("organization_id","user_id");--> statement-breakpoint
CREATE INDEX "posts_status_scheduled_at_index" ON "posts" USING btree ("status","scheduled_at");