.class public Lorg/apkaudit/flows/click_listener_removed/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "click_listener_removed" (no leak): the negative twin of click_listener. The listener is set and
# replaced by null in the next instructions, before the activity could receive any click: its onClick never
# runs, so its read of the device id is only referenced.
#
#   onCreate:  Button b = new Button(this); setContentView(b);
#              b.setOnClickListener(new SyncListener());
#              b.setOnClickListener(null);                                // taken back at once
#   SyncListener.onClick(View v):  post(tm(v.getContext()).getDeviceId());   // never runs


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/widget/Button;

    invoke-direct {v0, p0}, Landroid/widget/Button;-><init>(Landroid/content/Context;)V

    invoke-virtual {p0, v0}, Landroid/app/Activity;->setContentView(Landroid/view/View;)V

    new-instance v1, Lorg/apkaudit/flows/click_listener_removed/SyncListener;

    invoke-direct {v1}, Lorg/apkaudit/flows/click_listener_removed/SyncListener;-><init>()V

    invoke-virtual {v0, v1}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    const/4 v1, 0x0

    # replaced at once: no click can reach the listener
    invoke-virtual {v0, v1}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method
