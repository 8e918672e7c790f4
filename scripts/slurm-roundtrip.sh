#!/usr/bin/env bash
# A real Slurm round trip on this machine: installs and starts a single-node Slurm (munge,
# slurmctld, slurmd; the configuration of ../shared/platform-notes.md §4), submits the script
# `creditsim sweep --slurm` writes for plans/ci-small.yaml (3 array tasks and a dependent merge),
# waits for the merged table and checks it equals the local run's byte for byte.
# usage: scripts/slurm-roundtrip.sh [BINARY] [OUT_DIR]   (as root; CI runs it)
set -euo pipefail
bin=$(realpath "${1:-.build/release/creditsim}")
out=${2:-results/ci-slurm}
plan=plans/ci-small.yaml
export DEBIAN_FRONTEND=noninteractive
command -v slurmctld >/dev/null || apt-get install -y -qq slurm-wlm munge >/dev/null

host=$(hostname)
if ! pgrep -x munged >/dev/null; then
  mkdir -p /run/munge && chown munge:munge /run/munge && chmod 0755 /run/munge
  runuser -u munge -- /usr/sbin/munged
fi
if ! pgrep -x slurmctld >/dev/null; then
  cpus=$(nproc)
  mkdir -p /var/spool/slurmctld /var/spool/slurmd /var/log/slurm /run/slurm /etc/slurm
  cat > /etc/slurm/slurm.conf <<CONF
ClusterName=local
SlurmctldHost=$host(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurm/slurmctld.pid
SlurmdPidFile=/run/slurm/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
SlurmctldPort=6817
SlurmdPort=6818
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=4000 State=UNKNOWN
PartitionName=debug Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
  /usr/sbin/slurmctld
  /usr/sbin/slurmd
fi
for _ in $(seq 1 60); do sinfo -h -o %T 2>/dev/null | grep -qE "idle|mixed" && break; sleep 0.5; done
sinfo

rm -rf "$out" "$out-local"
"$bin" sweep "$plan" --slurm --shards 3 --memory 500M --time 00:10:00 --out "$out" > "$out.sbatch"
cat "$out.sbatch"
job=$(sbatch --parsable "$out.sbatch")
echo "submitted array job $job"
for _ in $(seq 1 360); do
  [ -e "$out/results.csv" ] && break
  sleep 0.5
done
squeue || true
if [ ! -e "$out/results.csv" ]; then
  echo "no merged table after 180 s"; cat "$out"/slurm/*.out 2>/dev/null || true
  tail -20 /var/log/slurm/slurmctld.log; exit 1
fi
sleep 1
cat "$out"/slurm/*.out
"$bin" sweep "$plan" --out "$out-local" --quiet
cmp "$out/results.csv" "$out-local/results.csv"
echo "Slurm round trip: the merged table of 3 array tasks equals the local run's ($(wc -l < "$out/results.csv") lines)"
