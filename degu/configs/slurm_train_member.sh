#!/bin/bash
# Train the teachers of a degu config as a SLURM job array, one member per array task.
#   sbatch --array=0-9 configs/slurm_train_member.sh CONFIG.yaml OUT_DIR
# Member i always gets seed (ensemble.seed + i) and writes OUT_DIR/teachers/teacher_i.weights.h5 (+ .json) atomically;
# a task that is re-run after a failure skips a member that is already finished. Afterwards:
#   degu assemble CONFIG.yaml --out OUT_DIR && degu run CONFIG.yaml --out OUT_DIR
#SBATCH --job-name=degu-teacher
#SBATCH --cpus-per-task=8
#SBATCH --mem=32G
#SBATCH --time=24:00:00
#SBATCH --gres=gpu:1
#SBATCH --output=degu-teacher-%A_%a.log
set -euo pipefail
CONFIG=${1:?usage: sbatch --array=0-N slurm_train_member.sh CONFIG.yaml OUT_DIR}
OUT=${2:?usage: sbatch --array=0-N slurm_train_member.sh CONFIG.yaml OUT_DIR}
degu train-member "$CONFIG" --out "$OUT" --member "${SLURM_ARRAY_TASK_ID}"
