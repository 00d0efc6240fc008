.class public Lorg/apkaudit/flows/click_listener/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "click_listener" (1 leak, network): a click listener registered at run time on a button reads
# the device id when the button is clicked and uploads it.
#
#   onCreate:  Button b = new Button(this); setContentView(b);
#              b.setOnClickListener(new SyncListener());
#   SyncListener.onClick(View v):  post(tm(v.getContext()).getDeviceId());   // <- the leak


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

    new-instance v1, Lorg/apkaudit/flows/click_listener/SyncListener;

    invoke-direct {v1}, Lorg/apkaudit/flows/click_listener/SyncListener;-><init>()V

    invoke-virtual {v0, v1}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method
